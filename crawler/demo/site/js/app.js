// Karakum Herald (demo): the page ships its data as an opaque payload and builds the DOM from it, like a
// client-rendered news app. A crawler that does not run scripts sees only the empty shell.
(function () {
  "use strict";
  function decode(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    var bytes = Uint8Array.from(atob(node.textContent.trim()), function (c) { return c.charCodeAt(0); });
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function renderStory(story) {
    document.title = story.title + " | " + story.site;
    var article = el("article", {"class": "story", "lang": story.lang});
    article.appendChild(el("h1", {"class": "headline"}, story.title));
    var meta = el("p", {"class": "meta"});
    meta.appendChild(el("time", {"class": "published", "datetime": story.published}, story.published_text));
    meta.appendChild(document.createTextNode(" \u00b7 "));
    var byline = el("span", {"class": "byline"});
    byline.appendChild(el("a", {"href": story.author_url}, story.author));
    meta.appendChild(byline);
    article.appendChild(meta);
    var body = el("div", {"class": "story-body"});
    story.paragraphs.forEach(function (text) { body.appendChild(el("p", {}, text)); });
    article.appendChild(body);
    document.getElementById("app").appendChild(article);
  }
  function renderMore(links) {
    var list = document.querySelector("ul.news-list");
    links.forEach(function (link) {
      var item = el("li");
      item.appendChild(el("a", {"href": link.href}, link.title));
      list.appendChild(item);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var story = decode("story-data");
    if (story) { renderStory(story); }
    var more = decode("more-data");
    if (more) { renderMore(more); }
  });
})();
