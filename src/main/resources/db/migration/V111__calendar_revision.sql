-- One row counting the calendar loads: every node compares it with the revision its cached calendar was
-- read at, so a year loaded on one node reaches the others without a restart (WorkingDayCalendar).
CREATE TABLE gk_calendar_revision (
  id       INTEGER NOT NULL PRIMARY KEY,
  revision BIGINT  NOT NULL
);
INSERT INTO gk_calendar_revision (id, revision) VALUES (1, 0);
