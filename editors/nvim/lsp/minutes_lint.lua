-- minutes-lint for Neovim 0.11's built-in LSP client: with this folder on the runtimepath,
-- `vim.lsp.enable('minutes_lint')` is all a user writes.
return {
  cmd = { 'minutes-lint', 'server' },
  filetypes = { 'minutes' },
  root_markers = { 'minutes-lint.toml', '.git' },
  settings = { ['minutes-lint'] = {} },
}
