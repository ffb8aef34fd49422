-- Calendar years loaded at run time (PUT /api/calendar/{year}); a row overrides the built-in file of
-- that year (src/main/resources/calendar/). content is gongkai's own format, see the README there.
CREATE TABLE gk_calendar_year (
  cal_year  INTEGER        NOT NULL PRIMARY KEY,
  content   VARCHAR(100000) NOT NULL,
  loaded_by VARCHAR(100)   NOT NULL,
  loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
