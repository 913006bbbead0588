"""Redirect loops and long chains are cut at 20 hops; requests, redirects and links to non-public addresses are
refused unless allow-listed (SSRF)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from crawler.middlewares.safety import HostAllowList, blocked_address
from tests.fault_spiders import FaultRun, run_fault
from tests.faultserver import FaultServer, serve

# Never contacted: the guard refuses them and the tripwire in tests.fault_spiders would refuse them too.
UNREACHABLE_PRIVATE = ("http://10.0.0.1/x", "http://172.16.5.4/x", "http://192.168.1.1/router",
                       "http://169.254.169.254/latest/meta-data/iam/", "http://[fd00:ec2::254]/latest/",
                       "http://100.64.0.1/cgnat")


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def ssrf(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A public-facing test server (allow-listed) plus private servers that must never be hit."""
    with ExitStack() as stack:
        site = stack.enter_context(serve())
        loop2 = stack.enter_context(serve(host="127.0.0.2"))
        sibling = stack.enter_context(serve())  # same host, another port: not allow-listed
        allowed_by_host = stack.enter_context(serve(host="127.0.0.3"))
        private = [loop2, sibling]
        if _ipv6_loopback():
            private.append(stack.enter_context(serve(host="::1")))
        redirect = site.url("/redirect?to=")
        cases = {
            "chain25": site.url("/chain/25/long"), "chain19": site.url("/chain/19/short"), "loop": site.url("/loop/a"),
            "to_loopback": redirect + loop2.url("/page/secret"),
            "to_sibling_port": redirect + sibling.url("/page/secret"),
            "to_localhost": redirect + f"http://localhost:{loop2.port}/page/secret",
            "to_decimal_ip": redirect + f"http://2130706433:{sibling.port}/page/secret",
            "to_mapped_v6": redirect + f"http://[::ffff:127.0.0.2]:{loop2.port}/page/secret",
            "to_metadata": redirect + "http://169.254.169.254/latest/meta-data/",
            "allowed_host": allowed_by_host.url("/page/ok"),
            "to_long_url": site.url("/redirect-long/2100"),
            **{f"direct_{i}": url for i, url in enumerate(UNREACHABLE_PRIVATE)},
        }
        if len(private) == 3:
            cases["to_ipv6_loopback"] = redirect + private[2].url("/page/secret")
        settings = {"NEWS_ALLOWED_PRIVATE_HOSTS": [site.netloc, "127.0.0.3"], "ROBOTSTXT_OBEY": False}
        tmp = tmp_path_factory.mktemp("ssrf")
        fetch = run_fault(tmp, "fault_fetch", settings, urls=",".join(cases.values()))
        links = site.url("/links?" + "&".join(f"to={u}" for u in (loop2.url("/page/linked"), *UNREACHABLE_PRIVATE)))
        follow = run_fault(tmp, "fault_follow", settings, urls=links)
        yield {"site": site, "private": private, "cases": cases, "fetch": fetch, "follow": follow}


def test_redirect_chain_of_25_stops_at_20_hops(ssrf: dict[str, Any]) -> None:
    site: FaultServer = ssrf["site"]
    run: FaultRun = ssrf["fetch"]
    chain = [h.path for h in site.hits_for("/chain/") if h.path.endswith("/long")]
    assert len(chain) == 21 and chain[-1] == "/chain/5/long"  # the request plus 20 followed redirects
    assert run.result(ssrf["cases"]["chain25"])["error"] == "IgnoreRequest"
    assert run.result(ssrf["cases"]["chain19"])["redirects"] == 19


def test_redirect_loop_stops_at_20_hops(ssrf: dict[str, Any]) -> None:
    site: FaultServer = ssrf["site"]
    assert len(site.hits_for("/loop/")) == 21
    assert ssrf["fetch"].result(ssrf["cases"]["loop"])["error"] == "IgnoreRequest"


@pytest.mark.parametrize("case", ["to_loopback", "to_sibling_port", "to_localhost", "to_decimal_ip", "to_mapped_v6",
                                  "to_metadata", "to_ipv6_loopback"])
def test_redirect_to_private_address_is_not_followed(ssrf: dict[str, Any], case: str) -> None:
    if case not in ssrf["cases"]:
        pytest.skip("no IPv6 loopback on this machine")
    outcome = ssrf["fetch"].result(ssrf["cases"][case])
    assert outcome["error"] == "IgnoreRequest" and "safety" in outcome["message"], outcome


def test_private_servers_got_no_request_and_nothing_left_the_machine(ssrf: dict[str, Any]) -> None:
    for server in ssrf["private"]:
        assert server.hits == [], (server.base_url, [h.path for h in server.hits])
    fetch: FaultRun = ssrf["fetch"]
    assert fetch.tripwire == [] and ssrf["follow"].tripwire == []
    direct = [k for k in ssrf["cases"] if k.startswith("direct_")]
    assert all(fetch.result(ssrf["cases"][k])["error"] == "IgnoreRequest" for k in direct)
    assert fetch.stats["news/safety/blocked/via_redirect"] >= 6
    assert fetch.stats["news/safety/blocked/private_address"] >= 6 + len(direct)


def test_links_to_private_addresses_are_not_fetched(ssrf: dict[str, Any]) -> None:
    follow: FaultRun = ssrf["follow"]
    assert list(follow.results) == [next(iter(follow.results))]  # only the links page itself
    assert follow.stats["news/safety/blocked/private_address"] == 1 + len(UNREACHABLE_PRIVATE)


def test_redirect_to_overlong_url_is_refused(ssrf: dict[str, Any]) -> None:
    outcome = ssrf["fetch"].result(ssrf["cases"]["to_long_url"])
    assert outcome["error"] == "IgnoreRequest" and "url_too_long" in outcome["message"]
    assert not ssrf["site"].hits_for("/page/yyyy")


def test_allow_listed_host_is_fetched(ssrf: dict[str, Any]) -> None:
    assert ssrf["fetch"].result(ssrf["cases"]["allowed_host"])["status"] == 200


def test_address_classification() -> None:
    blocked = ["127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.169.254", "::1", "fe80::1",
               "fd00::1", "::ffff:10.0.0.1", "0.0.0.0", "100.64.1.1", "224.0.0.1"]
    public = ["8.8.8.8", "185.22.64.1", "2a00:1450:4001::1", "172.32.0.1"]
    assert all(blocked_address(ipaddress.ip_address(a)) for a in blocked)
    assert not any(blocked_address(ipaddress.ip_address(a)) for a in public)
    allow = HostAllowList(["127.0.0.1:8080", "demo.local", "10.9.0.0/16", "[::1]:81"])
    assert allow.allows("127.0.0.1", 8080) and not allow.allows("127.0.0.1", 8081)
    assert allow.allows("DEMO.local", 1) and allow.allows("10.9.3.4", 80) and not allow.allows("10.8.0.1", 80)
    assert allow.allows("::1", 81) and not allow.allows("::1", 80)
