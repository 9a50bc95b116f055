#!/bin/sh
# Builds the site and uploads public/ to an S3 bucket behind a CDN (CloudFront, or any
# S3-compatible store: set AWS_ENDPOINT_URL). Run from the site folder:
#   BUCKET=support-site DISTRIBUTION=E2QWRUHEXAMPLE sh examples/s3-deploy.sh
set -eu
: "${BUCKET:?set BUCKET to the bucket name}"

cargo run --release --locked -- build --strict

# static/<name>.<8 hex digits>.<ext>: a new build that changes an asset gives it a new name,
# so a name's content never changes and may be cached for a year.
ASSETS='static/*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].*'

# The assets first: no page of the new build can then refer to an asset not yet uploaded.
aws s3 sync public/ "s3://$BUCKET/" \
  --exclude '*' --include "$ASSETS" \
  --cache-control 'public, max-age=31536000, immutable'

# Then pages, 404 pages, sitemap, search index: checked again on every visit (a cheap 304
# when unchanged), so a new build shows at once. --delete removes the pages the build no
# longer has; the old assets are kept, for pages still open or cached elsewhere.
aws s3 sync public/ "s3://$BUCKET/" \
  --exclude "$ASSETS" --exclude '.polydocs-output' \
  --cache-control 'no-cache' \
  --delete

# The CDN may hold pages from before the no-cache rule: drop them.
if [ -n "${DISTRIBUTION:-}" ]; then
  aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths '/*'
fi
