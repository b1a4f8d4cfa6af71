// Validates an iCalendar file with an independent parser (ical.js): node
// .ci/icaljs.js FILE COUNT DATE checks that FILE parses, holds COUNT VEVENTs
// and has an all-day event starting on DATE (YYYY-MM-DD).
const ICAL = require('ical.js');
const fs = require('fs');
const [file, count, date] = process.argv.slice(2);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
const events = comp.getAllSubcomponents('vevent');
if (events.length !== Number(count)) {
  console.error(`${file}: ${events.length} VEVENTs, want ${count}`);
  process.exit(1);
}
const hit = events.find((e) => {
  const start = e.getFirstPropertyValue('dtstart');
  return start.isDate && start.toString() === date;
});
if (!hit) {
  console.error(`${file}: no all-day event on ${date}`);
  process.exit(1);
}
console.log(`${file}: ${events.length} VEVENTs, ${date} is "${hit.getFirstPropertyValue('summary')}" (ical.js)`);
