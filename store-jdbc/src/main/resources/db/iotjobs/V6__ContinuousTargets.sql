-- Continuous jobs follow group membership (SPEC G2, G3).
-- One row per group (kind 'g') or thing (kind 't') whose membership changed, or that a continuous job expanded:
-- revision starts at 1 with the first row and grows by 1 with every changeset that checks it. A join, a leave and
-- a continuous job's expansion of the same group check the same row, so two of them that each missed the other's
-- write cannot both commit. No row is revision 0. Rows stay when their group or thing is deleted (a name used again
-- keeps counting up).
CREATE TABLE iotjobs_membership_revision (
    kind     CHAR(1)      NOT NULL,
    name     iotjobs_name NOT NULL,
    revision BIGINT       NOT NULL,
    PRIMARY KEY (kind, name)
);
