// For the embedding site (optional): <script src="https://…/book/embed.js" defer></script> after the <iframe>.
// Sizes every iframe showing /book to the height its page reports, so the frame needs no scrollbar of its own.
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'ajanvaraus:height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(event.data.height) + 2}px`;
  }
});
