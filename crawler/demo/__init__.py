"""The bundled offline demo site (three fictional Central Asian outlets) and its local server."""
