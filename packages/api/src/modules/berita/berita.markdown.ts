// Markdown written by staff becomes HTML once, on save, in two layers: markdown-it with raw HTML off (a `<script>` in
// the source stays text) and its link check (no javascript:, vbscript:, file: or data: links), then sanitize-html with
// an allowlist of tags and attributes, so that what clients insert is safe even if the first layer has a bug.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "hr", "h2", "h3", "h4", "strong", "em", "del", "blockquote", "ul", "ol", "li", "a", "code", "pre", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title", "rel", "target"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["https", "http", "mailto", "tel"],
  allowProtocolRelative: false,
  // Pictures come by the item's checked image URL only, never from the body.
  disallowedTagsMode: "discard",
  transformTags: {
    // Headings start at h2 (the page's title is the h1); links open apart and pass no referrer or ranking.
    h1: "h2",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" } }),
  },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}
