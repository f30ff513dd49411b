"""The RelationGraph and its analyses: queries, centrality, communities, balance."""
