pub mod binary;
pub mod lsp_client;
