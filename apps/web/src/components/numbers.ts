/** Counts and hours as people read them: "1,204", "6.5". */
export const number = new Intl.NumberFormat('en-US');
export const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
