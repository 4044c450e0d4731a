-- Why a provider's metadata API (ACR _manifests, ECR DescribeImages) says a manifest is present:
-- 'tagged', 'index_child' (untagged child of an index: a platform image or attestation), 'referrer' (signature,
-- SBOM or attestation of another manifest) or 'untagged' (nothing the listing shows refers to it).
-- NULL for registries scanned without a metadata API. Index children and referrers are never dead weight.
ALTER TABLE repository_manifests
    ADD COLUMN provider_role text
        CHECK (provider_role IN ('tagged', 'index_child', 'referrer', 'untagged'));

-- Storage the provider bills for a whole registry (ACR listUsages 'Size'), one reading per registry, day and
-- source, shown beside the stored bytes the cost model computes. ECR has no such API and writes nothing.
-- Pull counts from provider metrics (ECR CloudWatch per repository, ACR Azure Monitor registry-wide) go to
-- pull_counts with source 'provider-metric'.
CREATE TABLE provider_billed_storage (
    registry     text        NOT NULL,
    day          date        NOT NULL,
    source       text        NOT NULL,
    billed_bytes bigint      NOT NULL CHECK (billed_bytes >= 0),
    observed_at  timestamptz NOT NULL,
    PRIMARY KEY (registry, day, source)
);
