-- Run by test/lsp/neovim.test.ts: Neovim (0.7+, headless) with its built-in LSP client starts `resty-lint lsp
-- --stdio` on a project, opens a file, waits for diagnostics, opens the diagnostic float, asks for code actions,
-- applies the quick fix, waits for the diagnostics to go, and writes what it saw as JSON to $RESTY_LINT_OUT.
local root = vim.env.RESTY_LINT_ROOT
local out = { events = {} }
local function note(s) table.insert(out.events, s) end
local function finish()
  local f = io.open(vim.env.RESTY_LINT_OUT, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. vim.env.RESTY_LINT_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'resty-lint',
    cmd = { vim.env.RESTY_LINT_NODE, vim.env.RESTY_LINT_BIN, 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'fixture' } },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  note('started')

  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then error('no diagnostics') end
  local d = vim.diagnostic.get(bufnr)[1]
  out.diagnostics = vim.diagnostic.get(bufnr)
  out.line_before = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]

  -- The float an editor shows for the line under the cursor (the text Neovim displays).
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local float_buf = vim.diagnostic.open_float(bufnr, { scope = 'line', source = 'always' })
  out.float = vim.api.nvim_buf_get_lines(float_buf, 0, -1, false)

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local actions = {}
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
  end
  out.actions = vim.tbl_map(function(a) return a.title end, actions)
  if #actions == 0 then error('no code actions') end

  -- Apply the preferred quick fix, as choosing it in vim.lsp.buf.code_action() does.
  local fix = vim.tbl_filter(function(a) return a.isPreferred end, actions)[1] or actions[1]
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  out.line_after = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  note('applied')
  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50) then error('diagnostics stayed after the fix') end
  out.diagnostics_after = vim.diagnostic.get(bufnr)

  -- Hover on the client variable of the fixed line.
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = d.lnum, character = d.col },
  }, 10000)
  for _, r in pairs(hover or {}) do
    if r.result then out.hover = r.result.contents.value end
  end
  vim.lsp.stop_client(client_id)
  note('done')
end)
if not ok then out.error = tostring(err) end
finish()
