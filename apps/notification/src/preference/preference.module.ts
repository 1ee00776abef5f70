import { Module } from '@nestjs/common';
import { PreferenceController } from './preference.controller';
import { PreferenceService } from './preference.service';
import { PreferenceStore } from './preference.store';

@Module({ controllers: [PreferenceController], providers: [PreferenceService, PreferenceStore] })
export class PreferenceModule {}
