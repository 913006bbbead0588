"""JavaScript rendering per source: headless Chromium (scrapy-playwright) or a Splash server (scrapy-splash)."""

from crawler.render.addon import RenderAddon

__all__ = ["RenderAddon"]
