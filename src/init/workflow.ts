/**
 * The GitHub Actions workflow `pm init` writes: every push and pull request runs
 * `pm check --format github` (problems become annotations on the diff) and builds the
 * site with `.pm-cache/` restored from the Actions cache; the default branch (main, master,
 * whatever the repository says) deploys the build to GitHub Pages. pm runs at the version
 * that wrote the file.
 */
export const WORKFLOW_PATH = '.github/workflows/postmortems.yml';

export function workflowFile(pkg: string, version: string): string {
  return `# Checks every post-mortem, builds the site and deploys it to GitHub Pages.
# Enable Pages with "GitHub Actions" as the source (Settings > Pages) once.
name: post-mortems

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

# A newer push to a pull request cancels its older run; a deploy is never cut short.
concurrency:
  group: postmortems-\${{ github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

env:
  # The pm release this site is built with; change it to upgrade.
  PM_PACKAGE: ${pkg}@${version}

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Check the post-mortems
        run: npx --yes --package="$PM_PACKAGE" pm check --format github
      - name: Restore the build cache
        uses: actions/cache@v4
        with:
          path: .pm-cache
          key: pm-cache-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: pm-cache-\${{ runner.os }}-
      - id: pages
        if: github.ref_name == github.event.repository.default_branch && github.event_name != 'pull_request'
        uses: actions/configure-pages@v5
      - name: Build the site
        env:
          BASE_URL: \${{ steps.pages.outputs.base_url }}
        run: npx --yes --package="$PM_PACKAGE" pm build \${BASE_URL:+--base-url "$BASE_URL/"}
      - if: github.ref_name == github.event.repository.default_branch && github.event_name != 'pull_request'
        uses: actions/upload-pages-artifact@v3
        with:
          path: dist

  deploy:
    if: github.ref_name == github.event.repository.default_branch && github.event_name != 'pull_request'
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}
