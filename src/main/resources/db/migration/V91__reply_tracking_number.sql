-- The post's tracking number (挂号信/EMS 单号) of a reply sent by post: proof of the day it was handed to
-- the post office, which counts as the day of reply.
ALTER TABLE gk_disclosure_case ADD COLUMN reply_tracking_number VARCHAR(64);
