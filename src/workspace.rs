//! Finding config files on disk for a document (shared by the CLI and the server).
