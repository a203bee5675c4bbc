import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { Type } from '@nestjs/common';
import { CASE_EVENT_DATA, CASE_EVENT_TYPES, type CaseEventPayloads, type CaseEventType } from '../case-events.js';
import { UserRefDto } from './case.dto.js';

/** A timeline entry as the API sends it: its `type` says which payload `data` holds (case-events.ts). */
export type CaseEventDto = {
  [K in CaseEventType]: { id: string; type: K; actor: UserRefDto | null; data: CaseEventPayloads[K]; createdAt: string };
}[CaseEventType];

class CaseEventBaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'null when the system acted' }) actor: UserRefDto | null;
  @ApiProperty({ description: 'an instant (ISO 8601)' }) createdAt: string;
}

const pascal = (type: string) => type.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

/** One schema per event type (`TransitionCaseEventDto`…): `type` is that one value and `data` its payload's schema. */
function eventDto(type: CaseEventType): Type<unknown> {
  class EventDto extends CaseEventBaseDto {}
  ApiProperty({ enum: [type] })(EventDto.prototype, 'type');
  ApiProperty({ type: CASE_EVENT_DATA[type] })(EventDto.prototype, 'data');
  Object.defineProperty(EventDto, 'name', { value: `${pascal(type)}CaseEventDto` });
  return EventDto;
}

const EVENT_DTOS = new Map(CASE_EVENT_TYPES.map((type) => [type, eventDto(type)]));

@ApiExtraModels(...EVENT_DTOS.values())
export class CaseEventListDto {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [...EVENT_DTOS.values()].map((dto) => ({ $ref: getSchemaPath(dto) })),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries([...EVENT_DTOS].map(([type, dto]) => [type, getSchemaPath(dto)])),
      },
    },
  })
  items: CaseEventDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
