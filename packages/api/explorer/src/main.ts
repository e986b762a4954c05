// The local explorer: GraphiQL served by the API itself, so it works with no network (Apollo Sandbox loads from
// Apollo's CDN). Queries and mutations go over HTTP POST, subscriptions over graphql-ws on the same /graphql path;
// the Headers tab's Authorization travels as an HTTP header and as the graphql-ws connection_init payload.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./explorer.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_QUERY } from "./default-query.ts";

const endpoint = new URL("/graphql", location.href);
const subscriptionUrl = new URL(endpoint);
subscriptionUrl.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";

const fetcher = createGraphiQLFetcher({
  url: endpoint.href,
  subscriptionUrl: subscriptionUrl.href,
  // Apollo Server answers plain JSON; the multipart reader only adds a code path that can go wrong.
  enableIncrementalDelivery: false,
});

const DEFAULT_HEADERS = `{
  "Authorization": "Bearer "
}`;

createRoot(document.getElementById("explorer")!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: DEFAULT_QUERY,
    defaultHeaders: DEFAULT_HEADERS,
    defaultEditorToolsVisibility: "headers",
    // The token survives a reload, as in Apollo Sandbox; this is a development tool on the developer's machine.
    shouldPersistHeaders: true,
  }),
);
