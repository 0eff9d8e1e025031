-- A maintenance as calendars see it: revision counts its changes (iCalendar's SEQUENCE), and cancelled_at tells a
-- cancelled maintenance from one that completed.
ALTER TABLE incident ADD COLUMN revision INT NOT NULL DEFAULT 0;
ALTER TABLE incident ADD COLUMN cancelled_at TIMESTAMPTZ;
