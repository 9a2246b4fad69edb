// Command loadtest is the workshop room's load on the What if? tab: N
// participants (25 phones) each drag a slider, so each sends a What if?
// request, waits for its answer and sends the next (the page keeps one
// request in flight and folds the moves made meanwhile into the next),
// a drag of -moves moves, then reads for -pause before the next drag. It
// prints the latency percentiles of every answer and the requests a
// second. Without -url it starts vcsim's server in this process on
// loopback (the laptop and the phones then share its cores: a harder
// test than a room, where the phones compute nothing).
//
//	go run ./web/loadtest -clients 25 -duration 60s
//	go run ./web/loadtest -url 'http://192.168.1.5:8080' -token T -clients 25
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/web"
)

func main() {
	url := flag.String("url", "", "a running server's address (default: start one in this process)")
	token := flag.String("token", "", "the running server's token")
	clients := flag.Int("clients", 25, "participants moving sliders at once")
	duration := flag.Duration("duration", 60*time.Second, "how long the load runs")
	moves := flag.Int("moves", 10, "slider moves in a drag")
	pause := flag.Duration("pause", 2*time.Second, "mean time between drags (uniform from 0 to twice this)")
	example := flag.String("example", "cotton-tajikistan", "the example chain")
	flag.Parse()
	chain, err := examples.Chain(*example)
	if err != nil {
		log.Fatal(err)
	}
	if *url == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		go (&web.Server{}).HTTPServer().Serve(ln)
		*url = "http://" + ln.Addr().String()
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  = map[int]int{}
	)
	cpu0 := cpuTime()
	deadline := time.Now().Add(*duration)
	var wg sync.WaitGroup
	for c := range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 20))
			hc := &http.Client{Timeout: 60 * time.Second}
			id := fmt.Sprintf("load-%d", c)
			time.Sleep(time.Duration(rng.Int64N(int64(*pause) + 1))) // the room does not start in step
			// Each participant's sliders keep their positions, as on the
			// page; a drag moves one slider a step at a time (the page's
			// steps: 1% of price, productivity and wage, 1,000 of transfer,
			// 1% of premium, 5% of coverage).
			levers := map[string]float64{"price_change": 0, "productivity_change": 0, "wage_change": 0, "transfer": 0, "premium": 0, "coverage": 0.5}
			type slider struct {
				name         string
				lo, hi, step float64
			}
			sliders := []slider{{"price_change", -0.5, 0.5, 0.01}, {"productivity_change", -0.5, 0.5, 0.01}, {"wage_change", -0.5, 0.5, 0.01},
				{"transfer", 0, 60000, 1000}, {"premium", 0, 0.3, 0.01}, {"coverage", 0, 1, 0.05}}
			for time.Now().Before(deadline) {
				sl := sliders[rng.IntN(len(sliders))]
				dir := float64(1 - 2*rng.IntN(2))
				for range *moves {
					v := levers[sl.name] + dir*sl.step
					if v < sl.lo || v > sl.hi {
						dir = -dir
						v = levers[sl.name] + dir*sl.step
					}
					levers[sl.name] = math.Round(v/sl.step) * sl.step
					body, _ := json.Marshal(map[string]any{"chain": string(chain), "levers": levers})
					req, _ := http.NewRequest("POST", *url+"/api/whatif", bytes.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("X-Vcsim-Token", *token)
					req.Header.Set("X-Vcsim-Client", id)
					t0 := time.Now()
					res, err := hc.Do(req)
					d := time.Since(t0)
					status := 0
					if err == nil {
						io.Copy(io.Discard, res.Body)
						res.Body.Close()
						status = res.StatusCode
					}
					mu.Lock()
					if status == 200 {
						latencies = append(latencies, d)
					} else {
						failures[status]++
					}
					mu.Unlock()
				}
				time.Sleep(time.Duration(rng.Int64N(2*int64(*pause) + 1)))
			}
		}()
	}
	wg.Wait()
	cpu := cpuTime() - cpu0
	slices.Sort(latencies)
	q := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Printf("%d clients, %s, %s example: %d answers (%.1f a second), failures %v\n", *clients, *duration, *example, len(latencies),
		float64(len(latencies))/duration.Seconds(), failures)
	fmt.Printf("latency ms: p50 %.0f  p90 %.0f  p95 %.0f  p99 %.0f  max %.0f\n", ms(q(0.5)), ms(q(0.9)), ms(q(0.95)), ms(q(0.99)), ms(q(1)))
	if cpu > 0 {
		fmt.Printf("CPU (this process: server and clients): %.1f s, %.1f ms an answer\n", cpu.Seconds(), ms(cpu)/float64(max(len(latencies), 1)))
	}
	if len(failures) > 0 {
		os.Exit(1)
	}
}
