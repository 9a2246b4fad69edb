package web

import (
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// JoinAnswer is the answer of /api/join: the addresses the room's phones
// open (empty when the server listens on loopback only) and the QR code
// of the first, as SVG.
type JoinAnswer struct {
	URLs []string `json:"urls"`
	QR   string   `json:"qr,omitempty"`
}

func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	ans := JoinAnswer{URLs: s.JoinURLs}
	if ans.URLs == nil {
		ans.URLs = []string{}
	}
	if len(s.JoinURLs) > 0 {
		svg, err := QRSVG(s.JoinURLs[0])
		if err != nil {
			s.fail(w, err)
			return
		}
		ans.QR = svg
	}
	writeJSON(w, http.StatusOK, ans)
}

// config answers what the page needs to know of the server: the language
// given with serve --lang ("" when none was) and whether it serves a room.
func (s *Server) config(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"lang": s.Lang, "room": len(s.JoinURLs) > 0})
}

// qrModules returns the QR code of text as rows of dark (true) modules,
// with the quiet zone of four modules around it.
func qrModules(text string) ([][]bool, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("QR code of %q: %w", text, err)
	}
	return q.Bitmap(), nil
}

// QRSVG returns the QR code of text as an SVG image, black on white, one
// unit a module.
func QRSVG(text string) (string, error) {
	m, err := qrModules(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	n := len(m)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n, n, n)
	for y, row := range m {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// QRText returns the QR code of text for a terminal: two rows of modules
// a line, drawn with half blocks, dark on light whatever the terminal's
// colours (the light modules are the blocks).
func QRText(text string) (string, error) {
	m, err := qrModules(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for y := 0; y < len(m); y += 2 {
		for x := range m[y] {
			top := !m[y][x]
			bottom := y+1 < len(m) && !m[y+1][x]
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// LANAddress is an address of this computer on a network, and the name
// of its interface.
type LANAddress struct {
	Interface string
	IP        net.IP
}

// LANAddresses lists the addresses the room can reach a server listening
// on at: at itself when it names one address, else every address of every
// interface that is up, loopback and link-local ones left out, private
// IPv4 addresses (a wifi's) first, one per interface.
func LANAddresses(at *net.TCPAddr) []LANAddress {
	if !at.IP.IsUnspecified() {
		return []LANAddress{{"", at.IP}}
	}
	v4only := at.IP.To4() != nil
	ifs, _ := net.Interfaces()
	var out []LANAddress
	for _, i := range ifs {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := i.Addrs()
		var best net.IP
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() || v4only && n.IP.To4() == nil {
				continue
			}
			if best == nil || best.To4() == nil && n.IP.To4() != nil {
				best = n.IP
			}
		}
		if best != nil {
			out = append(out, LANAddress{i.Name, best})
		}
	}
	rank := func(ip net.IP) int {
		switch {
		case ip.To4() != nil && ip.IsPrivate():
			return 0
		case ip.To4() != nil:
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(a, b int) bool { return rank(out[a].IP) < rank(out[b].IP) })
	return out
}
