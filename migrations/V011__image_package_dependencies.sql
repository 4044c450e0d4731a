-- Per installed dpkg package of an image: the installed packages that are there only for it (nothing outside the
-- set depends on them) and the visible bytes and files they own, so "build-essential and its dependencies" has a
-- figure. Zero and empty for packages without such dependencies and for ecosystems that record none.
ALTER TABLE image_packages
    ADD COLUMN exclusive_dependencies text[] NOT NULL DEFAULT '{}',
    ADD COLUMN dependency_bytes bigint NOT NULL DEFAULT 0 CHECK (dependency_bytes >= 0),
    ADD COLUMN dependency_file_count integer NOT NULL DEFAULT 0 CHECK (dependency_file_count >= 0);
