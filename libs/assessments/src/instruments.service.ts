import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GET_INSTRUMENT, LIST_INSTRUMENTS, type InstrumentDefinitionRow, type InstrumentRow } from './assessments.sql.js';
import type { InstrumentDto, InstrumentFileDto, InstrumentSummaryDto, LoadInstrumentResultDto } from './dto/assessment.dto.js';
import { InstrumentFileError } from './instrument-file.js';
import { storeInstrument } from './instrument-store.js';

export const toInstrumentSummary = (row: InstrumentRow): InstrumentSummaryDto => ({
  id: row.id,
  code: row.code,
  version: row.version,
  title: row.title,
  scaleMin: row.scale_min,
  scaleMax: row.scale_max,
  sections: row.sections,
  items: row.items,
  answered: row.answered,
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class InstrumentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<InstrumentSummaryDto[]> {
    return ((await this.dataSource.query(LIST_INSTRUMENTS)) as InstrumentRow[]).map(toInstrumentSummary);
  }

  async get(id: string): Promise<InstrumentDto> {
    const [row] = (await this.dataSource.query(GET_INSTRUMENT, [id])) as InstrumentDefinitionRow[];
    if (!row) throw new NotFoundException(`No instrument with id ${id}`);
    return { ...toInstrumentSummary(row), definition: row.definition as InstrumentFileDto };
  }

  /** Validates and stores an instrument file; problems are a 400 listing each JSON path at fault. */
  async load(file: unknown, actorId: string): Promise<LoadInstrumentResultDto> {
    try {
      const { id, outcome } = await this.dataSource.transaction((manager) => storeInstrument(manager, file, actorId));
      return { instrument: toInstrumentSummary((await this.dataSource.query(GET_INSTRUMENT, [id]))[0] as InstrumentRow), outcome };
    } catch (error) {
      if (!(error instanceof InstrumentFileError)) throw error;
      throw new BadRequestException({
        message: `Validation failed: ${error.message.split('\n').join('; ')}`,
        details: error.problems.map((p) => ({ field: p.path || 'body', messages: [p.message] })),
      });
    }
  }
}
