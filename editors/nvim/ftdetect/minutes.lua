-- Drafts of minutes: *.minutes, *.minutes.md, *.minutes.txt (the same names as VS Code).
vim.filetype.add({
  extension = { minutes = 'minutes' },
  pattern = {
    ['.*%.minutes%.md'] = 'minutes',
    ['.*%.minutes%.txt'] = 'minutes',
  },
})
