import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { INSERT_INSTRUMENT, LOCK_INSTRUMENT_VERSION, UPDATE_INSTRUMENT, type IdRow, type LockedInstrumentRow } from './assessments.sql.js';
import { parseInstrumentFile, type InstrumentFile } from './instrument-file.js';

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

/**
 * Stores a validated instrument file (throws InstrumentFileError on a bad one) in the caller's transaction. A code and
 * version seen before is left as it is when identical, replaced while no round uses it, and refused once a round does:
 * answers given under a version always keep the text and scale they were given against; edits make a new version.
 * Used by POST /instruments, `npm run instrument:load` and the seed.
 */
export async function storeInstrument(
  manager: EntityManager,
  input: unknown,
  loadedBy: string | null,
): Promise<{ id: string; outcome: LoadOutcome; instrument: InstrumentFile }> {
  const instrument = parseInstrumentFile(input);
  const [existing] = (await manager.query(LOCK_INSTRUMENT_VERSION, [
    instrument.code,
    instrument.version,
    JSON.stringify(instrument),
  ])) as LockedInstrumentRow[];
  if (existing?.same) return { id: existing.id, outcome: 'unchanged', instrument };
  if (existing?.used)
    throw new ConflictException(
      `Version ${instrument.version} of ${instrument.code} is already used by an assessment round and cannot change; load the edited file as version ${instrument.version + 1}`,
    );
  const params = [
    instrument.code,
    instrument.version,
    instrument.title,
    instrument.scale.min,
    instrument.scale.max,
    JSON.stringify(instrument),
    loadedBy,
  ];
  if (existing) {
    await manager.query(UPDATE_INSTRUMENT, params);
    return { id: existing.id, outcome: 'replaced', instrument };
  }
  const [row] = (await manager.query(INSERT_INSTRUMENT, params)) as [IdRow];
  return { id: row.id, outcome: 'created', instrument };
}
