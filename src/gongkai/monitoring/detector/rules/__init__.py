"""Built-in detection rules, one module per technique (see registry.BUILTIN_MODULES)."""
