import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ACTOR_ROLES, type Actor, type ActorRole } from './actor';

/** The JSON value of every Kafka message (docs/architecture.md, "Envelope"); CloudEvents names where they fit. */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  version: number;
  source: string;
  subject: string;
  partitionKey: string;
  time: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  data: T;
}

/** Headers mirrored from the envelope so tools can route and filter without parsing the value. */
export const EVENT_HEADERS = { id: 'event-id', type: 'event-type', version: 'event-version' } as const;

export class ActorShape implements Actor {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id: string;

  @IsIn(ACTOR_ROLES)
  role: ActorRole;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  scope: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  username?: string;
}

/** Validation rules for the envelope itself; the payload is validated by its own class. */
export class EnvelopeShape implements EventEnvelope<object> {
  @IsUUID('7')
  id: string;

  @Matches(/^[a-z]+(\.[a-z][a-z-]*)+$/)
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  @IsNotEmpty()
  source: string;

  @IsString()
  @IsNotEmpty()
  subject: string;

  @IsString()
  @IsNotEmpty()
  partitionKey: string;

  @IsISO8601({ strict: true })
  time: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  correlationId: string;

  @IsOptional()
  @IsUUID('7')
  causationId: string | null;

  @ValidateNested()
  @Type(() => ActorShape)
  actor: ActorShape;

  @IsObject()
  data: object;
}
