/**
 * The `pm.config.yaml` that `pm init` writes: every key pm reads, commented out and set to
 * its default (or, for `base_url`, to an example), so that the file documents itself and
 * uncommenting a line changes only that line's setting.
 */
/** `title` given (pm init --title) is written as a setting; otherwise the key stays commented. */
export function configFile(title?: string): string {
  const titleLine = title === undefined ? '# title: "Post-mortems"' : `title: ${JSON.stringify(title)}`;
  return `# pm.config.yaml: the settings of this post-mortem site.
# Every key is optional; the commented value is the default. Remove the "# " to change one.

# Site title and description (page titles, feeds, the index).
${titleLine}
# description: "Incident reports and timelines"

# Absolute URL the site is served from: feeds, the sitemap and canonical links need it.
# GitHub Pages project sites look like https://USER.github.io/REPO/
# (the workflow in .github/workflows/ passes it with --base-url).
# base_url: "https://example.org/postmortems/"

# lang of every page.
# language: en

# Zone of timestamps in incidents without their own "timezone:" key,
# and the zone pages show times in (default: each incident's own zone).
# timezone: UTC
# display_timezone: UTC

# Theme folder under themes/; any file missing there comes from pm's default theme.
# theme: default

# Folders, relative to this file: the incidents, and what pm build writes.
# posts: posts
# out: dist

# Include draft: true incidents; leave [internal] timeline entries and drafts out.
# drafts: false
# public: false

# Where pages go. A trailing "/" writes index.html in a folder.
# urls:
#   incident: "incidents/:slug/"
#   tag: "tags/:tag/"
#   tags: "tags/"
# Or, for a blog moving over: incidents/:slug.html with tag pages beside them (tag_:tag.html).
# url_preset: flat

# "file" makes every link name .../index.html, so dist/ can be opened from disk.
# links: folders

# Sections pm check expects in every incident.
# required_sections: [Summary, Impact, Timeline, Root cause, Action items]

# How offsets from T0 read: compact (T+5h20m) or long (T+5 hours 20 minutes).
# offset_format: compact

# Incidents per index, tag and service page (page/2/ holds the next ones).
# page_size: 50

# Full-text search of the incidents (Pagefind); false leaves out the index and the search box.
# search: true
# Issue trackers: "#123" and "OPS-123" in action items become links on the follow-ups page.
# Each prefix ("#" or a project key in capitals) maps to a URL holding :id, for example
#   "#": https://github.com/ORG/REPO/issues/:id
#   OPS: https://example.atlassian.net/browse/:id
# trackers: {}
`;
}
