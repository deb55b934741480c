-- End-to-end test in a real headless Neovim 0.11: only this repo's editors/nvim on the runtimepath,
-- the real minutes-lint server, real files. Driven by tests/nvim.rs; writes a report and exits
-- with :cq on any failure.
local repo = assert(vim.env.MINUTES_LINT_REPO)
local bin = assert(vim.env.MINUTES_LINT_BIN)
local work = assert(vim.env.MINUTES_LINT_WORK)
local report_path = assert(vim.env.MINUTES_LINT_REPORT)

vim.opt.rtp:prepend(repo .. '/editors/nvim')
vim.cmd('filetype on')
vim.cmd('runtime! ftdetect/*.lua')

local report = {}
local function log(line) table.insert(report, line) end
local function finish(ok)
  vim.fn.writefile(report, report_path)
  if ok then vim.cmd('qa!') else vim.cmd('cq 1') end
end
local function check(cond, what)
  if cond then log('ok: ' .. what) else log('FAIL: ' .. what); finish(false) end
end

-- setup() reads the same defaults that vim.lsp.enable does, from lsp/minutes_lint.lua.
local defaults = require('minutes_lint').defaults()
local spec = dofile(repo .. '/editors/nvim/lsp/minutes_lint.lua')
check(vim.deep_equal(defaults, spec), 'setup() defaults are lsp/minutes_lint.lua')
check(defaults.cmd[2] == 'server' and defaults.filetypes[1] == 'minutes', 'the defaults start the server for minutes')

-- The one line a user writes (with cmd pointed at the freshly built binary).
vim.lsp.config('minutes_lint', { cmd = { bin, 'server' } })
vim.lsp.enable('minutes_lint')

local function open(name)
  vim.cmd.edit(work .. '/' .. name)
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == 'minutes', name .. ' has filetype minutes')
  local attached = vim.wait(15000, function() return #vim.lsp.get_clients({ bufnr = buf, name = 'minutes_lint' }) > 0 end, 50)
  check(attached, 'minutes_lint attached to ' .. name)
  local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  check(got, 'diagnostics arrived for ' .. name)
  return buf, vim.lsp.get_clients({ bufnr = buf, name = 'minutes_lint' })[1]
end

local function codes(buf, code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then table.insert(found, d) end
  end
  return found
end

-- 1. Diagnostics for the Ofsted subgroup draft.
local buf, client = open('ofsted.minutes')
local taylor = codes(buf, 'present-and-apologies')
check(#taylor >= 1, 'present-and-apologies reported')
local line = vim.api.nvim_buf_get_lines(buf, taylor[1].lnum, taylor[1].lnum + 1, false)[1]
check(line:find('Taylor', 1, true) ~= nil, 'present-and-apologies points at Taylor: ' .. line)
local broken = codes(buf, 'broken-paragraph')
check(#broken == 2, 'two broken-paragraph diagnostics (got ' .. #broken .. ')')

-- 2. A quick fix through textDocument/codeAction, applied as the editor would.
local d = broken[1]
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = { d.user_data.lsp }, only = { 'quickfix' } },
}
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
local action
for _, r in pairs(responses) do
  for _, a in ipairs(r.result or {}) do
    if a.kind == 'quickfix' and (a.edit or a.data) and (a.isPreferred or action == nil) then action = a end
  end
end
check(action ~= nil, 'a quick fix is offered for broken-paragraph')
-- Neovim resolves an action's edit when the server left it for codeAction/resolve.
if action.edit == nil then
  local resolved = vim.lsp.buf_request_sync(buf, 'codeAction/resolve', action, 10000) or {}
  for _, r in pairs(resolved) do
    if r.result then action = r.result end
  end
end
check(action.edit ~= nil, 'the quick fix has its edit')
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
check(text:find('the three previous monitoring visits', 1, true) ~= nil, 'the quick fix joined the paragraph')
local cleared = vim.wait(10000, function() return #codes(buf, 'broken-paragraph') == 1 end, 50)
check(cleared, 'the fixed diagnostic went away after the edit')

-- 3. Hover on an acronym and the outline of the Middlesbrough draft.
local mbuf = open('middlesbrough.minutes')
local lines = vim.api.nvim_buf_get_lines(mbuf, 0, -1, false)
local row, col
for i, l in ipairs(lines) do
  local c = l:find('LGA', 1, true)
  if c then row, col = i - 1, c; break end
end
check(row ~= nil, 'the draft mentions LGA')
local hover = vim.lsp.buf_request_sync(mbuf, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(mbuf) },
  position = { line = row, character = col },
}, 10000) or {}
local hover_text = ''
for _, r in pairs(hover) do
  if r.result and r.result.contents then
    local c = r.result.contents
    hover_text = hover_text .. (type(c) == 'table' and (c.value or vim.inspect(c)) or tostring(c))
  end
end
check(hover_text:find('Local Government Association', 1, true) ~= nil, 'hover on LGA gives its long form: ' .. hover_text)

local symbols = vim.lsp.buf_request_sync(mbuf, 'textDocument/documentSymbol', {
  textDocument = { uri = vim.uri_from_bufnr(mbuf) },
}, 10000) or {}
local names = {}
local function walk(list)
  for _, s in ipairs(list or {}) do
    table.insert(names, s.name)
    walk(s.children)
  end
end
for _, r in pairs(symbols) do walk(r.result) end
local joined = table.concat(names, '\n')
for _, n in ipairs({ '21/47', '21/48', '21/49', '21/50', '21/51', '21/52' }) do
  check(joined:find(n, 1, true) ~= nil, 'outline lists item ' .. n)
end

log('all passed')
finish(true)
