// Validates a deadlines iCalendar file with an independent parser (ical.js):
// node .ci/icaljs-deadlines.js FILE COUNT START checks that FILE parses, holds
// COUNT VEVENTs, every DTSTART in UTC, and an event starting at START (UTC,
// YYYYMMDDTHHMMSSZ) with a VALARM triggered at an absolute instant.
const ICAL = require('ical.js');
const fs = require('fs');
const [file, count, start] = process.argv.slice(2);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
const events = comp.getAllSubcomponents('vevent');
if (events.length !== Number(count)) {
  console.error(`${file}: ${events.length} VEVENTs, want ${count}`);
  process.exit(1);
}
const floating = events.filter((e) => e.getFirstPropertyValue('dtstart').zone !== ICAL.Timezone.utcTimezone);
if (floating.length > 0) {
  console.error(`${file}: ${floating.length} DTSTARTs not in UTC`);
  process.exit(1);
}
const hit = events.find((e) => e.getFirstPropertyValue('dtstart').toICALString() === start);
if (!hit) {
  console.error(`${file}: no event starting at ${start}`);
  process.exit(1);
}
const alarm = hit.getFirstSubcomponent('valarm');
const trigger = alarm && alarm.getFirstPropertyValue('trigger');
if (!trigger || !(trigger instanceof ICAL.Time)) {
  console.error(`${file}: the event at ${start} has no VALARM with a DATE-TIME trigger`);
  process.exit(1);
}
console.log(`${file}: ${events.length} VEVENTs, ${start} is "${hit.getFirstPropertyValue('summary')}", alarm at ${trigger.toICALString()} (ical.js)`);
