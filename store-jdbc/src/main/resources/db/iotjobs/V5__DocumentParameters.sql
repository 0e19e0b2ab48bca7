-- Managed job templates (SPEC J15): the template's document before CreateJob's documentParameters were
-- substituted, for DescribeJob and GetJobDocument with beforeSubstitution=true; NULL for jobs not made from a
-- managed template (their document is the one given).
ALTER TABLE iotjobs_job ADD COLUMN document_before_substitution VARCHAR;
