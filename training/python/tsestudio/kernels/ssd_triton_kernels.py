"""Triton kernels of the fused SSD scan (see `ssd_triton.py` for the maths and how they are chained).

Notation per batch b, head h and chunk c of Q steps: a = dt * A (log decay of one step), cs = cumulative sum
of a inside the chunk, T = the chunk's total. State buffers are float32 [b, chunks, h, p, n] (flattened p*n).
One program handles one (batch * chunk, head) pair with the whole head_dim and state_dim in registers: with
ngroups = 1 and p, n <= 64 that is a handful of Q x 64 tiles. batch * chunk is grid axis 0, the one without
the 65535 limit; the B and C rows that the heads share are small enough to stay in L2.

Precision: the quadratic in-chunk dots take operands in the input's dtype (bf16 under autocast: tensor cores,
fp32 accumulation). Dots with a chunk state on one side keep the state in float32, so they run as fp32 dots
(tf32 tensor cores for bf16 inputs, PREC for fp32 ones: "ieee" unless torch allows tf32): a state sums a
whole chunk, and rounding it to bf16 was the largest error in dA, whose value is a sum that largely cancels.
Everything elementwise runs in float32.
"""
import triton
import triton.language as tl


@triton.jit
def _tile(ptr, base, rows, row_ok, cols, col_ok, s_row, s_col):
    """[rows, cols] block of a strided tensor; zeros outside (padding rows past the end count as dt = 0)."""
    return tl.load(ptr + base + rows[:, None] * s_row + cols[None, :] * s_col,
                   mask=row_ok[:, None] & col_ok[None, :], other=0.0)


@triton.jit
def _log_decay(dt_ptr, A_ptr, base, rows, row_ok, s_row, head):
    """dt [Q] and the within-chunk cumulative log decay cs [Q] and total T (float32)."""
    dt = tl.load(dt_ptr + base + rows * s_row, mask=row_ok, other=0.0).to(tl.float32)
    a = dt * tl.load(A_ptr + head).to(tl.float32)
    return dt, tl.cumsum(a, axis=0), tl.sum(a, axis=0)


@triton.jit
def chunk_state_kernel(
    x_ptr, dt_ptr, A_ptr, B_ptr, dy_ptr, C_ptr, state_ptr, gstate_ptr, total_ptr,
    length, nchunks, heads, head_dim, state_dim,
    sx_b, sx_l, sx_h, sx_p, sdt_b, sdt_l, sdt_h, sb_b, sb_l, sb_n,
    sdy_b, sdy_l, sdy_h, sdy_p, sc_b, sc_l, sc_n,
    Q: tl.constexpr, BP: tl.constexpr, BN: tl.constexpr, WITH_GRAD: tl.constexpr, PREC: tl.constexpr,
):
    """Each chunk's own end state L = sum_j exp(T - cs_j) dt_j x_j B_j^T, and its total T.

    WITH_GRAD also gives G = sum_i exp(cs_i) dy_i C_i^T, what the chunk's outputs ask of the entering state.
    """
    bc = tl.program_id(0)
    head = tl.program_id(1)
    b = (bc // nchunks).to(tl.int64)
    c = bc % nchunks
    rows = c * Q + tl.arange(0, Q)
    row_ok = rows < length
    cols_p = tl.arange(0, BP)
    p_ok = cols_p < head_dim
    cols_n = tl.arange(0, BN)
    n_ok = cols_n < state_dim

    dt, cs, total = _log_decay(dt_ptr, A_ptr, b * sdt_b + head * sdt_h, rows, row_ok, sdt_l, head)
    x = _tile(x_ptr, b * sx_b + head * sx_h, rows, row_ok, cols_p, p_ok, sx_l, sx_p).to(tl.float32)
    bf = _tile(B_ptr, b * sb_b, rows, row_ok, cols_n, n_ok, sb_l, sb_n).to(tl.float32)
    xw = x * (dt * tl.exp(total - cs))[:, None]
    state = tl.dot(tl.trans(xw), bf, input_precision=PREC)  # [BP, BN]

    st_off = ((b * nchunks + c) * heads + head) * (head_dim * state_dim)
    pn = cols_p[:, None] * state_dim + cols_n[None, :]
    pn_ok = p_ok[:, None] & n_ok[None, :]
    tl.store(state_ptr + st_off + pn, state, mask=pn_ok)
    tl.store(total_ptr + (b * heads + head) * nchunks + c, total)
    if WITH_GRAD:
        dy = _tile(dy_ptr, b * sdy_b + head * sdy_h, rows, row_ok, cols_p, p_ok, sdy_l, sdy_p).to(tl.float32)
        cf = _tile(C_ptr, b * sc_b, rows, row_ok, cols_n, n_ok, sc_l, sc_n).to(tl.float32)
        dye = dy * tl.exp(cs)[:, None]
        tl.store(gstate_ptr + st_off + pn, tl.dot(tl.trans(dye), cf, input_precision=PREC), mask=pn_ok)


@triton.jit
def state_pass_kernel(
    state_ptr, gstate_ptr, total_ptr, dtotal_ptr, nchunks, heads, size, nblocks,
    BLOCK: tl.constexpr, BACKWARD: tl.constexpr,
):
    """In place, chunk after chunk: own end states -> entering states S_in(c) = exp(T_{c-1}) S_in(c-1) + L_{c-1}.

    BACKWARD then walks back: G_c -> dS_out(c) = dS_in(c + 1), with dS_in(c) = G_c + exp(T_c) dS_in(c + 1), and
    writes each chunk's share exp(T_c) <S_in(c), dS_in(c + 1)> of dT_c (one partial per block of p*n).
    Every element is read and written by the same program in the same layout, so no barrier is needed.
    """
    bh = tl.program_id(0).to(tl.int64)  # b * heads + head
    blk = tl.program_id(1)
    b = bh // heads
    head = bh % heads
    e = blk * BLOCK + tl.arange(0, BLOCK)
    ok = e < size
    chunk_stride = heads * size
    first = state_ptr + (b * nchunks * heads + head) * size + e
    tot = total_ptr + bh * nchunks
    # The time goes into the chain of dependent chunk steps, so every load runs one chunk ahead of its use.
    ptrs = first
    own = tl.load(ptrs, mask=ok, other=0.0)
    decay = tl.exp(tl.load(tot))
    running = tl.zeros([BLOCK], dtype=tl.float32)
    for c in range(nchunks):
        more = c + 1 < nchunks
        own_next = tl.load(ptrs + chunk_stride, mask=ok & more, other=0.0)
        decay_next = tl.exp(tl.load(tot + c + 1, mask=more, other=0.0))
        tl.store(ptrs, running, mask=ok)
        running = running * decay + own
        own = own_next
        decay = decay_next
        ptrs += chunk_stride
    if BACKWARD:
        last = (nchunks - 1) * chunk_stride
        sptrs = first + last
        gptrs = gstate_ptr + (b * nchunks * heads + head) * size + e + last
        s_in = tl.load(sptrs, mask=ok, other=0.0)
        g = tl.load(gptrs, mask=ok, other=0.0)
        decay = tl.exp(tl.load(tot + nchunks - 1))
        drun = tl.zeros([BLOCK], dtype=tl.float32)
        for i in range(nchunks):
            c = nchunks - 1 - i
            more = c > 0
            s_next = tl.load(sptrs - chunk_stride, mask=ok & more, other=0.0)
            g_next = tl.load(gptrs - chunk_stride, mask=ok & more, other=0.0)
            decay_next = tl.exp(tl.load(tot + c - 1, mask=more, other=0.0))
            tl.store(gptrs, drun, mask=ok)
            tl.store(dtotal_ptr + (bh * nchunks + c) * nblocks + blk, decay * tl.sum(s_in * drun, axis=0))
            drun = g + decay * drun
            s_in = s_next
            g = g_next
            decay = decay_next
            sptrs -= chunk_stride
            gptrs -= chunk_stride


@triton.jit
def chunk_output_kernel(
    x_ptr, dt_ptr, A_ptr, B_ptr, C_ptr, state_ptr, y_ptr,
    length, nchunks, heads, head_dim, state_dim,
    sx_b, sx_l, sx_h, sx_p, sdt_b, sdt_l, sdt_h, sb_b, sb_l, sb_n, sc_b, sc_l, sc_n,
    sy_b, sy_l, sy_h, sy_p,
    Q: tl.constexpr, BP: tl.constexpr, BN: tl.constexpr, PREC: tl.constexpr,
):
    """y_i = sum_{j <= i} (C_i . B_j) exp(cs_i - cs_j) dt_j x_j + exp(cs_i) S_in C_i."""
    bc = tl.program_id(0)
    head = tl.program_id(1)
    b = (bc // nchunks).to(tl.int64)
    c = bc % nchunks
    idx = tl.arange(0, Q)
    rows = c * Q + idx
    row_ok = rows < length
    cols_p = tl.arange(0, BP)
    p_ok = cols_p < head_dim
    cols_n = tl.arange(0, BN)
    n_ok = cols_n < state_dim
    mm = x_ptr.dtype.element_ty

    dt, cs, total = _log_decay(dt_ptr, A_ptr, b * sdt_b + head * sdt_h, rows, row_ok, sdt_l, head)
    x = _tile(x_ptr, b * sx_b + head * sx_h, rows, row_ok, cols_p, p_ok, sx_l, sx_p).to(mm)
    bm = _tile(B_ptr, b * sb_b, rows, row_ok, cols_n, n_ok, sb_l, sb_n).to(mm)
    cm = _tile(C_ptr, b * sc_b, rows, row_ok, cols_n, n_ok, sc_l, sc_n).to(mm)
    cb = tl.dot(cm, tl.trans(bm), input_precision=PREC)  # [Q, Q]
    # -inf above the diagonal before exp: exp of a positive difference there could overflow.
    decay = tl.exp(tl.where(idx[:, None] >= idx[None, :], cs[:, None] - cs[None, :], float("-inf")))
    y = tl.dot((cb * decay * dt[None, :]).to(mm), x, input_precision=PREC)  # [Q, BP]

    st_off = ((b * nchunks + c) * heads + head) * (head_dim * state_dim)
    s_in = tl.load(state_ptr + st_off + cols_p[:, None] * state_dim + cols_n[None, :],
                   mask=p_ok[:, None] & n_ok[None, :], other=0.0)
    y += tl.exp(cs)[:, None] * tl.dot(cm.to(tl.float32), tl.trans(s_in), input_precision=PREC)
    tl.store(y_ptr + b * sy_b + head * sy_h + rows[:, None] * sy_l + cols_p[None, :] * sy_p,
             y.to(y_ptr.dtype.element_ty), mask=row_ok[:, None] & p_ok[None, :])


@triton.jit
def chunk_backward_kernel(
    x_ptr, dt_ptr, A_ptr, B_ptr, C_ptr, dy_ptr, state_ptr, gstate_ptr, dtotal_ptr,
    dx_ptr, ddt_ptr, dA_ptr, dB_ptr, dC_ptr,
    length, nchunks, heads, head_dim, state_dim, nblocks,
    sx_b, sx_l, sx_h, sx_p, sdt_b, sdt_l, sdt_h, sb_b, sb_l, sb_n, sc_b, sc_l, sc_n,
    sdy_b, sdy_l, sdy_h, sdy_p,
    Q: tl.constexpr, BP: tl.constexpr, BN: tl.constexpr, NBLK: tl.constexpr, PREC: tl.constexpr,
):
    """All input gradients of one chunk and head, given its entering state S_in and dS_out = dL (the gradient
    of its own end state, from later chunks). dx, ddt [b, l, h] and the per-head dB, dC [b, l, h, n] are
    contiguous; dA gets one partial per (b, chunk, h)."""
    bc = tl.program_id(0)
    head = tl.program_id(1)
    b = (bc // nchunks).to(tl.int64)
    c = bc % nchunks
    idx = tl.arange(0, Q)
    rows = c * Q + idx
    row_ok = rows < length
    cols_p = tl.arange(0, BP)
    p_ok = cols_p < head_dim
    cols_n = tl.arange(0, BN)
    n_ok = cols_n < state_dim
    mm = x_ptr.dtype.element_ty

    dt, cs, total = _log_decay(dt_ptr, A_ptr, b * sdt_b + head * sdt_h, rows, row_ok, sdt_l, head)
    x = _tile(x_ptr, b * sx_b + head * sx_h, rows, row_ok, cols_p, p_ok, sx_l, sx_p)
    xf = x.to(tl.float32)
    xs = xf * dt[:, None]
    dyf = _tile(dy_ptr, b * sdy_b + head * sdy_h, rows, row_ok, cols_p, p_ok, sdy_l, sdy_p).to(tl.float32)
    dym = dyf.to(mm)
    bm = _tile(B_ptr, b * sb_b, rows, row_ok, cols_n, n_ok, sb_l, sb_n).to(mm)
    cm = _tile(C_ptr, b * sc_b, rows, row_ok, cols_n, n_ok, sc_l, sc_n).to(mm)
    st_off = ((b * nchunks + c) * heads + head) * (head_dim * state_dim)
    pn = cols_p[:, None] * state_dim + cols_n[None, :]
    pn_ok = p_ok[:, None] & n_ok[None, :]
    s_in = tl.load(state_ptr + st_off + pn, mask=pn_ok, other=0.0)
    ds_out = tl.load(gstate_ptr + st_off + pn, mask=pn_ok, other=0.0)
    e_in = tl.exp(cs)
    e_out = tl.exp(total - cs)

    # What the entering state gives position i: exp(cs_i) S_in C_i. It depends on a_k for all k <= i.
    dc = e_in[:, None] * tl.dot(dyf, s_in, input_precision=PREC)  # [Q, BN]
    y_in = tl.dot(cm.to(tl.float32), tl.trans(s_in), input_precision=PREC)  # [Q, BP]
    dcs_in = e_in * tl.sum(dyf * y_in, axis=1)

    # Inside the chunk: y_i += sum_j M_ij xs_j, M_ij = (C_i . B_j) exp(a_{j+1} + ... + a_i) for j <= i.
    cb = tl.dot(cm, tl.trans(bm), input_precision=PREC)  # [Q, Q]
    decay = tl.exp(tl.where(idx[:, None] >= idx[None, :], cs[:, None] - cs[None, :], float("-inf")))
    # dM_ij = dy_i . dt_j x_j, from the exact x with dt applied in float32 after the dot.
    dcb = tl.dot(dym, tl.trans(x.to(mm)), input_precision=PREC) * (decay * dt[None, :])  # = d(C_i . B_j)
    dcbm = dcb.to(mm)
    dc += tl.dot(dcbm, bm, input_precision=PREC)
    db = tl.dot(tl.trans(dcbm), cm, input_precision=PREC)  # [Q, BN]
    dxs = tl.dot(tl.trans((cb * decay).to(mm)), dym, input_precision=PREC)  # [Q, BP]
    # M_ij depends on a_k exactly when j < k <= i, so da_k gets sum_{i >= k, j < k} (dM o M)_ij. Summed over
    # that set directly (a cumsum along j, then over i > m, read at m = k - 1), not as row sums minus column
    # sums per position: there the diagonal terms, large under strong decay, would cancel only up to rounding
    # noise far bigger than the true, tiny dA (mamba_ssm's "stable" dA kernels avoid the same trap).
    w = dcb * cb
    below = tl.sum(tl.where(idx[None, :] < idx[:, None], tl.cumsum(w, axis=1), 0.0), axis=0)

    # The chunk's own end state L = sum_j exp(a_{j+1} + ... + a_{Q-1}) xs_j B_j^T, which later chunks see.
    b_ds = tl.dot(bm.to(tl.float32), tl.trans(ds_out), input_precision=PREC)  # [Q, BP]
    dxs += e_out[:, None] * b_ds
    db += e_out[:, None] * tl.dot(xs, ds_out, input_precision=PREC)
    w_out = e_out * tl.sum(xs * b_ds, axis=1)  # depends on a_k for k > j
    before = below + tl.cumsum(w_out, axis=0)  # entry m belongs to da_{m+1}
    blk = tl.arange(0, NBLK)
    passed = tl.load(dtotal_ptr + ((b * heads + head) * nchunks + c) * nblocks + blk, mask=blk < nblocks, other=0.0)

    # a = dt A; the passing term exp(T) <S_in, dS_in(next)> depends on every a_k of the chunk.
    da = (tl.cumsum(dcs_in, axis=0, reverse=True) + tl.sum(passed, axis=0)
          + tl.sum(tl.where(idx[None, :] == idx[:, None] - 1, before[None, :], 0.0), axis=1))
    ddt = tl.sum(xf * dxs, axis=1) + tl.load(A_ptr + head).to(tl.float32) * da
    tl.store(dA_ptr + (b * nchunks + c) * heads + head, tl.sum(dt * da, axis=0))
    out_rows = (b * length + rows) * heads + head
    tl.store(ddt_ptr + out_rows, ddt, mask=row_ok)
    tl.store(dx_ptr + out_rows[:, None] * head_dim + cols_p[None, :],
             (dxs * dt[:, None]).to(dx_ptr.dtype.element_ty), mask=row_ok[:, None] & p_ok[None, :])
    rn_ok = row_ok[:, None] & n_ok[None, :]
    tl.store(dB_ptr + out_rows[:, None] * state_dim + cols_n[None, :], db, mask=rn_ok)
    tl.store(dC_ptr + out_rows[:, None] * state_dim + cols_n[None, :], dc, mask=rn_ok)
