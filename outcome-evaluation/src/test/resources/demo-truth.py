# The true effects of the demo's generating model (DemoSpec.standard()), by simulating it with
# 400,000 people: ANCOVA estimands per instrument (ITT and as-treated), and the time-to-readmission
# quantities. Run: python3 demo-truth.py (numpy). Output recorded in DemoRecoveryTest and README.
import numpy as np
rng=np.random.default_rng(1)
N=400000
# sessions: gamma(2)-poisson mean 11: rate = (E1+E2)/2*mean
rate=(rng.exponential(size=N)+rng.exponential(size=N))/2*11
sess=rng.poisson(rate)
p10=(sess>10).mean()
print("P(sessions>10)=",p10)
table={7:7.00,8:9.51,9:11.25,10:12.40,11:13.33,12:14.08,13:14.75,14:15.32,15:15.84,16:16.36,17:16.88,18:17.43,19:17.98,20:18.59,21:19.25,22:19.98,23:20.73,24:21.54,25:22.35,26:23.21,27:24.11,28:25.03,29:26.02,30:27.03,31:28.13,32:29.31,33:30.70,34:32.55,35:35.00}
models={'es':(2.55,0.30,0.03,0.45,0.15,28,1,4,0.10,0.15,'mean'),'mhcs':(3.50,0.60,0.05,0.60,0.30,16,1,6,0.15,0.25,'mean'),'swemwbs':(3.00,0.50,0.05,0.60,0.25,7,1,5,0.15,0.15,'lookup')}
def score(target,k,lo,hi,kind):
    items=np.clip(np.round(target[:,None]+rng.normal(0,1,(len(target),k))*noise),lo,hi)
    s=items.sum(1)
    if kind=='mean': return s/k
    return np.vectorize(table.get)(s.astype(int))
for name,(c,spread,drift,noise,pn,k,lo,hi,itt,extra,kind) in models.items():
    z=rng.normal(size=N)
    base=c+spread*z
    grp=rng.integers(0,2,N) # 1=peer
    s=sess*grp
    eff=np.where(grp==1,itt+np.where(s>10,extra,0),0)
    follow=base+drift+eff+pn*rng.normal(size=N)
    pre=score(base,k,lo,hi,kind); post=score(follow,k,lo,hi,kind)
    def ancova(mask):
        X=np.column_stack([np.ones(mask.sum()),pre[mask],grp[mask]])
        b=np.linalg.lstsq(X,post[mask],rcond=None)[0]; return b[2]
    itt_mask=np.ones(N,bool); at_mask=(grp==0)|(s>10)
    print(name,"ANCOVA ITT %.4f  AT %.4f"%(ancova(itt_mask),ancova(at_mask)))
# tenure
h=-np.log(0.6)/365
for hr in (1,0.65):
    T=1+np.floor(rng.exponential(1/(h*hr),size=N))
    print("hr",hr,"RMST1095=%.2f"%np.minimum(T,1095).mean(),"P(T<=365)=%.4f"%(T<=365).mean())
