"""Pure domain rules of the documents module: no Django imports, tested without a database."""
