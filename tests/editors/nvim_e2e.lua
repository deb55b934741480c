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

-- 4. Inlay hints, hover on a member who left, and the motions in the outline, on a draft of our
-- own (tests/editors/votes.minutes, copied into the work folder by tests/nvim.rs).
vim.cmd.edit(work .. '/votes.minutes')
local vbuf = vim.api.nvim_get_current_buf()
local vwin = vim.api.nvim_get_current_win()
check(vim.bo[vbuf].filetype == 'minutes', 'votes.minutes has filetype minutes')
local vattached = vim.wait(15000, function() return #vim.lsp.get_clients({ bufnr = vbuf, name = 'minutes_lint' }) > 0 end, 50)
check(vattached, 'minutes_lint attached to votes.minutes')
local vclient = vim.lsp.get_clients({ bufnr = vbuf, name = 'minutes_lint' })[1]
check(vclient.server_capabilities.inlayHintProvider ~= nil, 'the server announces inlayHintProvider')
local vlines = vim.api.nvim_buf_get_lines(vbuf, 0, -1, false)
local function find_line(prefix)
  for i, l in ipairs(vlines) do
    if l:sub(1, #prefix) == prefix then return i - 1, l end
  end
end
local item1 = find_line('1. Bus shelter')
local item2 = find_line('2. Footpath signs')
local vote_row, vote_line = find_line('Cllr Okoro proposed')
local unanimous_row, unanimous_line = find_line('Cllr Byrne proposed')
check(item1 and item2 and vote_row and unanimous_row, 'votes.minutes has its two items and two motions')

-- What Neovim's client received and keeps for the buffer: label and position of each hint.
vim.lsp.inlay_hint.enable(true, { bufnr = vbuf })
check(vim.lsp.inlay_hint.is_enabled({ bufnr = vbuf }), 'inlay hints are enabled for votes.minutes')
local hints = {}
local got_hints = vim.wait(15000, function()
  hints = {}
  for _, h in ipairs(vim.lsp.inlay_hint.get({ bufnr = vbuf })) do
    local label = h.inlay_hint.label
    if type(label) == 'table' then
      local parts = {}
      for _, p in ipairs(label) do table.insert(parts, p.value) end
      label = table.concat(parts)
    end
    table.insert(hints, { line = h.inlay_hint.position.line, character = h.inlay_hint.position.character,
      label = vim.trim(label), padding = h.inlay_hint.paddingLeft })
  end
  return #hints >= 4
end, 50)
local described = {}
for _, h in ipairs(hints) do table.insert(described, h.line .. ':' .. h.character .. ' "' .. h.label .. '"') end
log('inlay hints: ' .. table.concat(described, ', '))
check(got_hints and #hints == 4, 'Neovim received the four inlay hints (got ' .. #hints .. ')')
local function hint_at(row, character)
  for _, h in ipairs(hints) do
    if h.line == row and (character == nil or h.character == character) then return h.label end
  end
end
-- After the item's number and its full stop (the "1." of "1. Bus shelter"): who could vote as the
-- item began.
check(hint_at(item1, 2) == '5 voting members', 'inlay hint after item 1: 5 voting members')
-- Wren has left by item 2.
check(hint_at(item2, 2) == '4 voting members', 'inlay hint after item 2: 4 voting members')
-- After the vote's count ("Voting: 4 in favour, 1 against."), before its "Carried.".
local count_end = select(2, vote_line:find('1 against.', 1, true))
check(hint_at(vote_row, count_end) == '4 for, 1 against: carried',
  'inlay hint after the divided vote: 4 for, 1 against: carried (got ' .. tostring(hint_at(vote_row)) .. ')')
check(hint_at(unanimous_row, #unanimous_line) == 'unanimous',
  'inlay hint after "All in favour.": unanimous (got ' .. tostring(hint_at(unanimous_row)) .. ')')

-- What Neovim draws: the decoration provider turns the hints into inline virtual text when the
-- window is redrawn.
local hint_ns = vim.api.nvim_get_namespaces()['nvim.lsp.inlayhint']
local drawn = {}
vim.wait(5000, function()
  vim.cmd.redraw({ bang = true })
  drawn = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(vbuf, hint_ns, 0, -1, { details = true })) do
    local chunks = {}
    for _, c in ipairs(m[4].virt_text or {}) do table.insert(chunks, c[1]) end
    drawn[m[2] .. ':' .. m[3]] = table.concat(chunks)
  end
  return drawn[item1 .. ':2'] ~= nil
end, 50)
log('drawn inline: ' .. vim.inspect(drawn, { newline = ' ', indent = '' }))
check(drawn[item1 .. ':2'] == ' 5 voting members', 'Neovim draws " 5 voting members" right after item 1\'s number (got '
  .. vim.inspect(drawn[item1 .. ':2']) .. ')')
check(drawn[vote_row .. ':' .. count_end] == ' 4 for, 1 against: carried', 'Neovim draws the tally right after the vote\'s count')

-- Hover on the member who left, through the client's own hover (the floating window).
local wren_row, wren_line = find_line('Cllr Wren left')
check(wren_row ~= nil, 'the draft records Wren leaving')
vim.api.nvim_win_set_cursor(vwin, { wren_row + 1, (wren_line:find('Wren', 1, true)) })
vim.lsp.buf.hover()
local float_lines
local floated = vim.wait(10000, function()
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if w ~= vwin and vim.api.nvim_win_get_config(w).relative ~= '' then
      float_lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)
      return true
    end
  end
  return false
end, 50)
check(floated, 'hover on Wren opens a floating window')
local float_text = table.concat(float_lines or {}, '\n')
log('hover float: ' .. float_text:gsub('\n', ' | '))
check(float_text:find('**Councillor H Wren**: present', 1, true) ~= nil, 'hover on Wren names Wren as present')
check(float_text:find('In the meeting: left at 7.45 pm (item 1)', 1, true) ~= nil, 'hover on Wren says when Wren left')
for _, w in ipairs(vim.api.nvim_list_wins()) do
  if w ~= vwin and vim.api.nvim_win_get_config(w).relative ~= '' then vim.api.nvim_win_close(w, true) end
end

-- The outline: each item's motion, named with its result, mover and seconder in the detail.
local vsymbols = vim.lsp.buf_request_sync(vbuf, 'textDocument/documentSymbol', {
  textDocument = { uri = vim.uri_from_bufnr(vbuf) },
}, 10000) or {}
local motions = {}
for _, r in pairs(vsymbols) do
  for _, item in ipairs(r.result or {}) do
    for _, child in ipairs(item.children or {}) do
      table.insert(motions, item.name:sub(1, 1) .. ' > ' .. child.name .. ' (' .. (child.detail or '') .. ')')
    end
  end
end
log('outline motions: ' .. table.concat(motions, '; '))
check(vim.tbl_contains(motions, '1 > Motion: 4 for, 1 against: carried (moved by Cllr Okoro, seconded by Cllr Patel)'),
  'the outline lists item 1\'s motion with its tally, mover and seconder')
check(vim.tbl_contains(motions, '2 > Motion: unanimous (moved by Cllr Byrne, seconded by Cllr Marsh)'),
  'the outline lists item 2\'s unanimous motion')

log('all passed')
finish(true)
