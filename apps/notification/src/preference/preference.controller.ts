import { Body, Controller, Get, Put } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import { PreferencesDto } from './preference.dto';
import { PreferenceService } from './preference.service';

/** The signed-in person's e-mail preferences per kind of notice. */
@Controller('notification-preferences')
@AnyActor()
export class PreferenceController {
  constructor(private readonly preferences: PreferenceService) {}

  @Get()
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Put()
  set(@Body() body: PreferencesDto, @CurrentActor() actor: Actor) {
    return this.preferences.set(actor, body);
  }
}
