-- minutes-lint: setup() for users who prefer a plugin call to vim.lsp.enable, and for Neovim 0.10.
local M = {}

--- The defaults live once, in lsp/minutes_lint.lua (what vim.lsp.enable reads); loaded from this
--- plugin's own folder, so a copy elsewhere on the runtimepath cannot shadow it.
function M.defaults()
  local here = debug.getinfo(1, 'S').source:sub(2)
  local root = vim.fn.fnamemodify(here, ':p:h:h:h')
  return dofile(root .. '/lsp/minutes_lint.lua')
end

--- Starts minutes-lint for every buffer of the configured filetypes.
--- @param opts table|nil  overrides: cmd, filetypes, root_markers, settings (e.g. settings = { ['minutes-lint'] = { rules = { ['first-person'] = 'off' } } })
function M.setup(opts)
  local config = vim.tbl_deep_extend('force', M.defaults(), opts or {})
  M.config = config
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    vim.lsp.config('minutes_lint', config)
    vim.lsp.enable('minutes_lint')
    return
  end
  -- Neovim 0.10: no vim.lsp.config, so start the client ourselves.
  vim.api.nvim_create_autocmd('FileType', {
    pattern = config.filetypes,
    group = vim.api.nvim_create_augroup('minutes_lint', { clear = true }),
    callback = function(args)
      local root = vim.fs.root(args.buf, config.root_markers) or vim.fn.getcwd()
      vim.lsp.start({
        name = 'minutes_lint',
        cmd = config.cmd,
        root_dir = root,
        settings = config.settings,
      }, { bufnr = args.buf })
    end,
  })
end

return M
