;;; minutes-lint.el --- minutes-lint through Eglot  -*- lexical-binding: t; -*-

;; A major mode for drafts of committee minutes and the Eglot wiring for the minutes-lint
;; language server.  Emacs 29 has Eglot built in; Emacs 28 needs the eglot package
;; (Debian: elpa-eglot).
;;
;; Usage:
;;   (add-to-list 'load-path "/path/to/minutes-lint/editors/emacs")
;;   (require 'minutes-lint)
;;   (add-hook 'minutes-mode-hook #'eglot-ensure)

;;; Code:

(require 'eglot)

(defgroup minutes-lint nil
  "Drafts of committee minutes, checked by minutes-lint."
  :group 'text)

(defcustom minutes-lint-command '("minutes-lint" "server")
  "The command that starts the minutes-lint language server."
  :type '(repeat string))

;;;###autoload
(define-derived-mode minutes-mode text-mode "Minutes"
  "Major mode for drafts of committee minutes.")

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.minutes\\(\\.md\\|\\.txt\\)?\\'" . minutes-mode))

(add-to-list 'eglot-server-programs
             `(minutes-mode . ,(lambda (&rest _) minutes-lint-command)))

(provide 'minutes-lint)
;;; minutes-lint.el ends here
