-- Why a provider's metadata API (ACR _manifests, ECR DescribeImages) says a manifest is present:
-- 'tagged', 'index_child' (untagged child of an index: a platform image or attestation), 'referrer' (signature,
-- SBOM or attestation of another manifest) or 'untagged' (nothing the listing shows refers to it).
-- NULL for registries scanned without a metadata API. Index children and referrers are never dead weight.
ALTER TABLE repository_manifests
    ADD COLUMN provider_role text
        CHECK (provider_role IN ('tagged', 'index_child', 'referrer', 'untagged'));
