-- :checkhealth minutes_lint — is the server installed, which version, is a config file in reach.
local M = {}

function M.check()
  vim.health.start('minutes-lint')
  local config = (require('minutes_lint').config) or (vim.lsp.config and vim.lsp.config.minutes_lint) or {}
  local cmd = (config.cmd or { 'minutes-lint' })[1]
  if vim.fn.executable(cmd) == 1 then
    local version = vim.fn.system({ cmd, '--version' })
    if vim.v.shell_error == 0 then
      vim.health.ok('server found: ' .. vim.fn.exepath(cmd) .. ' (' .. vim.trim(version) .. ')')
    else
      vim.health.error(cmd .. ' is on PATH but `' .. cmd .. ' --version` failed: ' .. vim.trim(version))
    end
  else
    vim.health.error(cmd .. ' not found', {
      'Install it with `cargo install --path .` from the minutes-lint repository,',
      "or set cmd: vim.lsp.config('minutes_lint', { cmd = { '/path/to/minutes-lint', 'server' } })",
    })
  end
  local found = vim.fs.find('minutes-lint.toml', { upward = true, path = vim.fn.expand('%:p:h') })[1]
  if found then
    vim.health.ok('config: ' .. found)
  else
    vim.health.info('no minutes-lint.toml above ' .. vim.fn.expand('%:p:h') .. ': the defaults apply')
  end
  if vim.lsp.config == nil then
    vim.health.warn('Neovim 0.10 or older: use require("minutes_lint").setup() rather than vim.lsp.enable')
  end
end

return M
