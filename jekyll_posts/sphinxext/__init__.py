"""The Sphinx glue: thin handlers that feed core records to ablog and sphinx-tags."""
