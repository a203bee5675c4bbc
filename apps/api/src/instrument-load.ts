import { InstrumentFileError, storeInstrument } from '@ta/assessments';
import { runFileLoader } from './load-file-cli.js';

/** `npm run instrument:load -- FILE`: validates a readiness instrument file (docs/ARCHITECTURE.md §Domain) and stores it in DATABASE_URL. */
runFileLoader({
  command: 'instrument:load',
  kind: 'instrument',
  async store(manager, json) {
    const { outcome, instrument } = await storeInstrument(manager, json, null);
    const items = instrument.sections.reduce((n, s) => n + s.items.length, 0);
    return `${instrument.code} version ${instrument.version}: ${outcome} (${instrument.sections.length} sections, ${items} statements, scale ${instrument.scale.min}–${instrument.scale.max})`;
  },
  problemsOf: (error) => (error instanceof InstrumentFileError ? error.problems : undefined),
});
