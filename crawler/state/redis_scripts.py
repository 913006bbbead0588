"""Lua scripts of the Redis dedupe state: each runs atomically on the server, so workers never interleave."""

# Shared helpers. A document blob starts with a big-endian u16 length and the record id
# (crawler.state.redis_layout.encode_doc). URL values are the document number, negated for an
# alias (a URL found to duplicate the document) so that forget_url knows whether it owns it.
_HELPERS = """
local function record_of(docs, n)
  local blob = redis.call('HGET', docs, n)
  if not blob then return false end
  local len = string.byte(blob, 1) * 256 + string.byte(blob, 2)
  return string.sub(blob, 3, 2 + len)
end
local function doc_number(value)
  return tostring(math.abs(tonumber(value)))
end
"""

# KEYS: docs, url bucket. ARGV: url field. -> record id of the document the URL leads to, or nil.
SEEN_URL = _HELPERS + """
local value = redis.call('HGET', KEYS[2], ARGV[1])
if not value then return false end
return record_of(KEYS[1], doc_number(value))
"""

# KEYS: docs, url bucket. ARGV: url field. -> {url value, blob} or nil (also for a dangling alias).
DOC_OF_URL = _HELPERS + """
local value = redis.call('HGET', KEYS[2], ARGV[1])
if not value then return false end
local blob = redis.call('HGET', KEYS[1], doc_number(value))
if not blob then return false end
return {value, blob}
"""

# Classification in the same order as the SQLite backend: URL, same record id, exact
# fingerprint, near duplicate, else store. The near verdict is computed by the client from the
# band buckets it read (numpy work that does not belong in Lua); the script re-reads those band
# fields and answers 'retry' when any changed since, so a concurrent store or forget that could
# change the verdict is never missed (optimistic concurrency, conflicts only between documents
# that share a band).
# KEYS: stats, docs, seq, url bucket, record bucket, fingerprint bucket, band buckets...
# ARGV: url field, record field, fingerprint field ('' = none), blob, near ('skip' = not
#       evaluated, 'none', or the matched document number), similarity, candidates verified,
#       then per band: field, value read by the client ('' = absent).
CHECK_AND_ADD = _HELPERS + """
local stats, docs, seq = KEYS[1], KEYS[2], KEYS[3]
local url_key, record_key, fp_key = KEYS[4], KEYS[5], KEYS[6]
local url_field, record_field, fp_field, blob = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local near, similarity, candidates = ARGV[5], ARGV[6], tonumber(ARGV[7])
local bands = #KEYS - 6

local function put_url(n, own)
  local value = own and n or ('-' .. n)
  if redis.call('HSET', url_key, url_field, value) == 1 then
    redis.call('HINCRBY', stats, 'urls', 1)
  end
end
local function verdict(kind, kept, score)
  redis.call('HINCRBY', stats, 'checks', 1)
  redis.call('HINCRBY', stats, kind, 1)
  return {kind, kept, score}
end

local value = redis.call('HGET', url_key, url_field)
if value then
  local kept = record_of(docs, doc_number(value))
  if kept then return verdict('url', kept, '1.0') end
end
value = redis.call('HGET', record_key, record_field)
if value then
  put_url(value, false)
  return verdict('url', record_of(docs, value), '1.0')
end
if fp_field ~= '' then
  value = redis.call('HGET', fp_key, fp_field)
  if value then
    put_url(value, false)
    return verdict('exact', record_of(docs, value), '1.0')
  end
end
for i = 1, bands do
  local current = redis.call('HGET', KEYS[6 + i], ARGV[6 + 2 * i]) or ''
  if current ~= ARGV[7 + 2 * i] then return {'retry'} end
end
if near == 'skip' then return {'retry'} end
if candidates > 0 then redis.call('HINCRBY', stats, 'candidates', candidates) end
if near ~= 'none' then
  local kept = record_of(docs, near)
  if not kept then return {'retry'} end
  put_url(near, false)
  return verdict('near', kept, similarity)
end
local n = tostring(redis.call('INCR', seq))
redis.call('HSET', docs, n, blob)
put_url(n, true)
redis.call('HSET', record_key, record_field, n)
if fp_field ~= '' then redis.call('HSET', fp_key, fp_field, n) end
for i = 1, bands do
  local current = ARGV[7 + 2 * i]
  redis.call('HSET', KEYS[6 + i], ARGV[6 + 2 * i], current == '' and n or (current .. ',' .. n))
end
redis.call('HINCRBY', stats, 'documents', 1)
return verdict('new', false, false)
"""

# Forget a URL; when it owns its document, the document, its record id, fingerprint and band
# entries go too. The client read the URL's value (and decoded the document to name its keys);
# 'retry' when that value changed meanwhile.
# KEYS: stats, docs, url bucket, record bucket, fingerprint bucket ('' field = none), band buckets...
# ARGV: url field, url value read, record field, fingerprint field, band fields...
FORGET_URL = _HELPERS + """
local stats, docs, url_key, record_key, fp_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local value = redis.call('HGET', url_key, ARGV[1])
if value ~= ARGV[2] then return 'retry' end
redis.call('HDEL', url_key, ARGV[1])
redis.call('HINCRBY', stats, 'urls', -1)
if tonumber(value) < 0 then return 'alias' end
if redis.call('HDEL', docs, value) == 0 then return 'dangling' end
redis.call('HINCRBY', stats, 'documents', -1)
if redis.call('HGET', record_key, ARGV[3]) == value then redis.call('HDEL', record_key, ARGV[3]) end
if ARGV[4] ~= '' and redis.call('HGET', fp_key, ARGV[4]) == value then redis.call('HDEL', fp_key, ARGV[4]) end
for i = 6, #KEYS do
  local field = ARGV[i - 1]
  local current = redis.call('HGET', KEYS[i], field)
  if current then
    local kept = {}
    for number in string.gmatch(current, '[^,]+') do
      if number ~= value then table.insert(kept, number) end
    end
    if #kept == 0 then
      redis.call('HDEL', KEYS[i], field)
    else
      redis.call('HSET', KEYS[i], field, table.concat(kept, ','))
    end
  end
end
return 'forgotten'
"""

# Record the settings a state was created with, or compare with them. KEYS: meta. ARGV: name,
# value pairs. -> {} when they match (or were just written), else {name, stored value}.
CHECK_META = """
for i = 1, #ARGV, 2 do
  local stored = redis.call('HGET', KEYS[1], ARGV[i])
  if not stored then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  elseif stored ~= ARGV[i + 1] then
    return {ARGV[i], stored}
  end
end
return {}
"""
