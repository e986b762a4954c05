// What a newcomer sees first in the explorer. A test validates it against the committed schema, so a renamed field
// breaks the build instead of the first impression.
export const DEFAULT_QUERY = `# JMO member API: the local explorer (works offline)
#
# 1. Run Login (demo accounts: see the README;
#    password JmoDemo#2026).
# 2. Put its accessToken in the Headers tab below:
#    { "Authorization": "Bearer <accessToken>" }
# 3. Run Me. Subscriptions use the same header.
#
# Docs: the book icon on the left. SDL: /schema.graphql

mutation Login {
  login(input: {
    identifier: "budi@example.com"
    password: "JmoDemo#2026"
  }) {
    accessToken
    refreshToken
    expiresAt
    userErrors { code message }
  }
}

query Me {
  me {
    fullName
    nikMasked
    cards { kpjMasked status employer { name } }
  }
}
`;
