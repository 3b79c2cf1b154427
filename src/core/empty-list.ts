// One frozen empty array for every list that is empty and never written to (a function's returns before its
// first return statement, an event's empty argument or site lists once compacted, a lookup that finds nothing):
// an array costs 32 bytes even empty, and a run's facts and indexes held tens of thousands of them.
export const EMPTY_LIST: readonly never[] = Object.freeze([]);
