//! The laptop's address on the room's network, for the URL on the wall.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

/// Private addresses to route towards. `connect` on a UDP socket only asks
/// the kernel which interface and source address it would use: no packet
/// is sent, so nothing leaves the laptop. A hotspot with no default route
/// still has a route to its own private range, hence several.
const PROBES: [[u8; 4]; 3] = [
    [10, 255, 255, 254],
    [192, 168, 255, 254],
    [172, 31, 255, 254],
];

/// The address phones on the room's network can reach the laptop at:
/// the source address of the outgoing interface, or 127.0.0.1 when there
/// is no network at all.
pub fn lan_address() -> IpAddr {
    PROBES
        .iter()
        .find_map(|&probe| source_address(Ipv4Addr::from(probe)))
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), IpAddr::V4)
}

fn source_address(target: Ipv4Addr) -> Option<Ipv4Addr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect(SocketAddr::from((target, 9))).ok()?;
    match socket.local_addr().ok()?.ip() {
        IpAddr::V4(ip) if !ip.is_unspecified() && !ip.is_loopback() => Some(ip),
        _ => None,
    }
}

/// The address to put in the URL for a server bound to `bind`: the bound
/// address itself, or the LAN address when bound to every interface.
pub fn url_host(bind: IpAddr) -> IpAddr {
    if bind.is_unspecified() {
        lan_address()
    } else {
        bind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_specific_bind_address_is_used_as_is() {
        let local = IpAddr::V4(Ipv4Addr::LOCALHOST);
        assert_eq!(url_host(local), local);
    }

    #[test]
    fn the_lan_address_is_ipv4_and_never_unspecified() {
        // Only a route lookup: nothing is sent.
        let ip = lan_address();
        assert!(ip.is_ipv4() && !ip.is_unspecified());
    }
}
