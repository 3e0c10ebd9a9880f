-- wrk script: POST /api/2.0/token/create with a small JSON body.
-- The bearer secret comes from the environment variable BENCH_SECRET.
wrk.method = "POST"
wrk.body = '{"comment":"bench","lifetime_seconds":3600}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_SECRET")
