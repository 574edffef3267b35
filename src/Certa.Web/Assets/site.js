// The content security policy forbids inline handlers, so behaviour is wired here by data attribute.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-print]')) {
    window.print();
  }
});
